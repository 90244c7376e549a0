"""newsquotes: find who said what in news articles.

The core package. Pure Python, pandas and spaCy; it never imports streamlit.
"""

__version__ = "0.1.0"
