"""SXTDBV: the yearly sustainable production and consumption plan of Sở Công Thương Đồng Nai, offline."""

__version__ = "0.1.0"
APP_NAME = "SXTDBV"
ORGANIZATION_NAME = "SXTDBV"
APP_DISPLAY_NAME = "SXTDBV — Sản xuất và tiêu dùng bền vững"
