// How many CLASSIFIED_AS relationships are a patent's main class.
MATCH (:Patent)-[r:CLASSIFIED_AS]->(:CPC)
WHERE r.main = true
RETURN count(r) AS n
