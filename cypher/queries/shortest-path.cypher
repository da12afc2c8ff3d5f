// The shortest path between two entities over the knowledge relations (SUPPORTS, PART_OF,
// LOCATED_IN, FUNDS, HOLDS_POSITION, VISITS, COOPERATES_WITH; never through articles), at most
// 10 hops, written out with the direction of each relation.
// @param from string  name or alias of the first entity, e.g. 扬州市
// @param to string  name or alias of the second entity, e.g. 新疆维吾尔自治区
MATCH (a:Entity)
WHERE a.name = $from OR $from IN a.aliases
MATCH (b:Entity)
WHERE (b.name = $to OR $to IN b.aliases) AND a <> b
MATCH p = shortestPath((a)-[:SUPPORTS|PART_OF|LOCATED_IN|FUNDS|HOLDS_POSITION|VISITS|COOPERATES_WITH*..10]-(b))
RETURN length(p) AS hops,
       reduce(text = a.name, i IN range(0, length(p) - 1) |
         text
         + CASE WHEN startNode(relationships(p)[i]) = nodes(p)[i]
                THEN ' -[' + type(relationships(p)[i]) + ']-> '
                ELSE ' <-[' + type(relationships(p)[i]) + ']- ' END
         + nodes(p)[i + 1].name) AS path,
       [n IN nodes(p) | n.name] AS names
ORDER BY hops, path;
