"""innochain.dashboard.views: one Streamlit page script per module.

Not named `pages/`: Streamlit treats a `pages/` folder beside the entry script as the old
file-based multipage app and runs its files directly, bypassing st.navigation (and AppTest
loses the sidebar).
"""
