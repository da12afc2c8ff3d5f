// The most connected organisations: organisations ranked by how many knowledge relations
// (anything but MENTIONS) touch them, with their distinct neighbours and the number of
// articles that mention them.
// @param limit integer = 10  how many organisations
MATCH (o:Organization)
WITH o,
     COUNT { (o)-[r]-(:Entity) } AS relations,
     COUNT { MATCH (o)-[]-(n:Entity) RETURN DISTINCT n } AS neighbours,
     COUNT { (:Article)-[:MENTIONS]->(o) } AS articles
RETURN o.name AS organisation,
       relations,
       neighbours,
       articles,
       o.mentions AS mentions
ORDER BY relations DESC, neighbours DESC, articles DESC, organisation
LIMIT $limit;
