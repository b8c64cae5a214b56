"""innochain.queries"""
