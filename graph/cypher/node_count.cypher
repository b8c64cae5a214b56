// How many nodes the graph holds (is it empty? did a bulk load write them all?).
MATCH (n)
RETURN count(n) AS n
