"""newsquotes dashboard: who said what in the news. Run: streamlit run dashboard.py

Page config, the shared sidebar filters, the navigation; each page is a file in pages/.
"""

import streamlit as st

from components import data
from components.sidebar import filter_sidebar

st.set_page_config(page_title="newsquotes", page_icon=":material/format_quote:", layout="wide")

PAGES = [
    st.Page("pages/overview.py", title="Overview", icon=":material/dashboard:", default=True),
    st.Page("pages/speakers.py", title="Speakers", icon=":material/record_voice_over:"),
    st.Page("pages/sentiment.py", title="Sentiment", icon=":material/mood:"),
    st.Page("pages/keywords.py", title="Keywords", icon=":material/cloud:"),
    st.Page("pages/timeline.py", title="Timeline", icon=":material/timeline:"),
    st.Page("pages/statements.py", title="Statements", icon=":material/format_quote:"),
    st.Page("pages/articles.py", title="Articles", icon=":material/article:"),
    st.Page("pages/data.py", title="Data", icon=":material/database:"),
]

navigation = st.navigation(PAGES)
filter_sidebar(data.current())
navigation.run()
