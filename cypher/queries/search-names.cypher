// Full-text search over entity names and aliases (index entity_names, CJK bigrams): finds
// 昌吉回族自治州 from 昌吉 and an organisation from its short name. Lucene syntax is allowed
// ("quoted phrases", OR, wildcards*); characters such as ( ) : must be escaped with \.
// @param text string  what to look for, e.g. 昌吉
// @param limit integer = 20  how many results
CALL db.index.fulltext.queryNodes('entity_names', $text) YIELD node, score
RETURN node.name AS name,
       node.type AS type,
       node.aliases AS aliases,
       round(score, 3) AS score
ORDER BY score DESC, name
LIMIT $limit;
