// Every node but LoadRun with its labels and properties (the graph checksum).
MATCH (n)
WHERE NOT n:LoadRun
RETURN labels(n) AS labels, properties(n) AS props
