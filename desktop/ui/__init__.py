"""The Qt user interface: thin widgets over the services. No SQL and no openpyxl here."""
