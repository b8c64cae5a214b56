"""The smallest page shaped like a dashboard page: a title, a sidebar, one small table.

`bench/dashboard.py --floor` times it exactly as it times the dashboard's pages, so the
figures say what Streamlit alone costs on this machine (its front end, a session, a script
run), the floor under any page built with it."""

import pandas as pd
import streamlit as st

st.sidebar.write("InnoChain")
st.title("最小页面 Floor")
st.dataframe(pd.DataFrame({"segment": ["硅料", "电池", "组件"], "patents": [1, 2, 3]}))
