"""innochain.loaders"""
