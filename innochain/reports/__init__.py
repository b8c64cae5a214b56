"""Reports (报告): the periodic landscape report (mode 12) and the IP review of a project
(mode 7), as self-contained HTML with inline SVG figures, tables also as XLSX.

Report code only calls the query runner and scoring: no Cypher here.
"""
