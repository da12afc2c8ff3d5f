// The articles that mention an entity (Article -[:MENTIONS]-> entity), in file order, with the
// article title and how many times the entity is mentioned in each.
// @param name string  name or alias of the entity, e.g. 天业集团
MATCH (e:Entity)
WHERE e.name = $name OR $name IN e.aliases
MATCH (a:Article)-[m:MENTIONS]->(e)
RETURN e.name AS entity,
       a.file + '#' + toString(a.index) AS article,
       a.file AS file,
       a.index AS article_index,
       a.title AS title,
       m.weight AS mentions
ORDER BY file, article_index;
