"""Thi Đua: emulation movements (phong trào thi đua) and their initiatives."""
