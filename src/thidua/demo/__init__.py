"""The demo: the seed plan of Sông Hinh, its communes' work and the accounts to try it with."""
