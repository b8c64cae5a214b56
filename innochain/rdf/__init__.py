"""RDF export and import of the InnoChain graph (vocabulary, IRIs, streaming export)."""
