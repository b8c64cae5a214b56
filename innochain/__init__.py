"""InnoChain: a knowledge graph of an industrial park's innovation chain (产业集聚区创新链)."""

__version__ = "0.1.0"
