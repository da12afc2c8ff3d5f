// Which regions a supporter supports (SUPPORTS), and for each the places inside it down the
// PART_OF hierarchy (counties, county-level cities, regiments), with the articles that say so.
// @param supporter string  name or alias of a province or city, e.g. 山西省
MATCH (supporter:Entity)
WHERE supporter.name = $supporter OR $supporter IN supporter.aliases
MATCH (supporter)-[s:SUPPORTS]->(region:Entity)
OPTIONAL MATCH (inside:Entity)-[:PART_OF*1..3]->(region)
WITH supporter, s, region, inside
ORDER BY inside.name
WITH supporter, s, region, collect(DISTINCT inside.name) AS places_inside
RETURN supporter.name AS supporter,
       region.name AS region,
       region.type AS region_type,
       s.weight AS weight,
       s.evidence_articles AS articles,
       places_inside
ORDER BY region;
