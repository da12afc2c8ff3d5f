// People and their titles by province: everyone who HOLDS_POSITION in a province, in a place
// inside it (PART_OF), or in an organisation located there (LOCATED_IN), with the title, where
// the post is, and the articles that say so. People whose post has no known province are
// listed under '(unknown)' when no province is given.
// @param province string = null  optional: only this province (name or alias), e.g. 山西省; default all
MATCH (person:Person)-[h:HOLDS_POSITION]->(post:Entity)
OPTIONAL MATCH (post)-[:LOCATED_IN|PART_OF*0..4]->(province:Province)
WITH DISTINCT person, h, post, province
WHERE $province IS NULL OR province.name = $province OR $province IN province.aliases
RETURN coalesce(province.name, '(unknown)') AS province,
       person.name AS person,
       h.title AS title,
       post.name AS post,
       h.weight AS weight,
       h.evidence_articles AS articles
ORDER BY province, person, title, post;
