"""innochain.graph"""
