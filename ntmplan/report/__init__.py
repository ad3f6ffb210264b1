"""``ntmplan report``: the check, the budget and the schedule as one Excel workbook or HTML page."""
