"""Word tables any stage may import (a base layer: it imports nothing of newsquotes)."""
