import neo4j from 'neo4j-driver';
const d = neo4j.driver(process.env.NEO4J_URI, neo4j.auth.basic('neo4j','x'));
for (const q of [
 "CALL db.index.fulltext.queryNodes('entity_names', '克州') YIELD node, score RETURN node.name, score",
 "CALL db.index.fulltext.queryNodes('entity_names', '江苏前指') YIELD node, score RETURN node.name, score",
 "CALL db.index.fulltext.queryNodes('entity_names', '图什') YIELD node, score RETURN node.name, score",
 "MATCH (n:Entity) WHERE n.name CONTAINS 'DELETE' OR n.name CONTAINS '`' RETURN n.id, n.name, n.aliases",
 "MATCH ()-[r:MENTIONS]->() RETURN r LIMIT 1",
 "MATCH ()-[r:SUPPORTS]->() RETURN r LIMIT 1",
 "MATCH (n:Article) RETURN n LIMIT 1",
 "SHOW INDEXES YIELD name, type, state, labelsOrTypes, properties",
]) { try { const r = await d.executeQuery(q); console.log(q.slice(0,60)); for (const rec of r.records) console.log('  ', JSON.stringify(rec.toObject())); } catch (e) { console.log('ERR', q, e.message); } }
await d.close();
