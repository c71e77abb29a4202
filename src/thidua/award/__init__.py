"""Nominations for the award "Người Việt đoàn kết sáng tạo" sent up the hierarchy."""
