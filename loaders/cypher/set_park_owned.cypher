// A patent is park-owned when any owner is in the park.
MATCH (:Organization {in_park: true})-[:OWNS]->(p:Patent)
WITH DISTINCT p
SET p.park_owned = true
