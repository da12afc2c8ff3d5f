// Projects and total funding by supporter: for every province, city or organisation that
// FUNDS something, how many projects, the sum of the stated amounts in yuan (projects without
// a stated amount count as 0), and the projects with their amounts and locations.
// @param supporter string = null  optional: only this funder (name or alias), e.g. 山西省; default all
MATCH (funder:Entity)-[f:FUNDS]->(project:Entity)
WHERE $supporter IS NULL OR funder.name = $supporter OR $supporter IN funder.aliases
OPTIONAL MATCH (project)-[:LOCATED_IN]->(place:Entity)
WITH funder, f, project, collect(DISTINCT place.name) AS places
ORDER BY project.name
WITH funder,
     count(project) AS projects,
     sum(coalesce(f.amount_yuan, 0)) AS total_yuan,
     count(f.amount_yuan) AS with_amount,
     collect(project.name
             + CASE WHEN f.amount_yuan IS NULL THEN '' ELSE ' (' + toString(f.amount_yuan) + ' 元)' END
             + CASE WHEN size(places) = 0 THEN '' ELSE ' @ ' + reduce(s = head(places), p IN tail(places) | s + '、' + p) END) AS project_list
RETURN funder.name AS supporter,
       funder.type AS supporter_type,
       projects,
       total_yuan,
       with_amount AS projects_with_amount,
       project_list AS projects_funded
ORDER BY total_yuan DESC, supporter;
