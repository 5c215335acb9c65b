"""A paginator whose page brings the number of results with it: one query where Django's takes two.

Django's ``Paginator`` counts the results, then fetches the page, so the database matches a search
twice. Here each row of the page carries the total (``COUNT(*) OVER ()``); only a page past the end
costs a count of its own, to say how many pages there are.
"""

from django.core.paginator import EmptyPage, Page, PageNotAnInteger, Paginator
from django.db.models import Count, Window

MAX_OFFSET = 2**31 - 1  # databases refuse offsets past a 64-bit integer; no catalogue comes near this


class CountingPaginator(Paginator):
    def page(self, number):
        """Page ``number`` (a whole number from 1); ``EmptyPage`` past the last page."""
        if isinstance(number, str) and not number.isdigit():
            raise PageNotAnInteger(self.error_messages["invalid_page"])
        number = int(number)
        if number < 1:
            raise EmptyPage(self.error_messages["min_page"])
        bottom = (number - 1) * self.per_page
        rows = []
        if bottom <= MAX_OFFSET:
            rows = list(self.object_list.annotate(result_total=Window(Count("pk")))[bottom : bottom + self.per_page])
        if rows:
            self.count = rows[0].result_total  # what Paginator.count would count
        elif number == 1:
            self.count = 0
        else:
            raise EmptyPage(self.error_messages["no_results"])
        return Page(rows, number, self)

    def get_page(self, number):
        """Page ``number``, the first page for a number that is none, the last one past the end."""
        try:
            return self.page(number)
        except PageNotAnInteger:
            return self.page(1)
        except EmptyPage:
            return self.page(self.num_pages) if self.num_pages > 1 else self.page(1)
