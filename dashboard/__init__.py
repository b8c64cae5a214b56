"""innochain.dashboard"""
