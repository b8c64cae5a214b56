// An inventor is park-linked when any of their patents is park-owned.
MATCH (:Patent {park_owned: true})<-[:INVENTED]-(person:Person)
WITH DISTINCT person
SET person.park_linked = true
