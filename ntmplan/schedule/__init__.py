"""The appendix schedule: periods (``periods``), what is due when and of whom (``agenda``),
and the schedule as an iCalendar file (``ics``).
"""
