"""Identity: who a login proves someone is (eID trust levels) and what the registers know.

- ``levels``: the three trust levels of the federal citizen account (BundID) and the level of
  the current login, kept in the session;
- ``session_limits``: session lifetime and idle timeout follow the level;
- ``claims``: the verified attributes an eID login delivers;
- ``matching``/``linking``: once-only, the register link made from those attributes;
- ``step_up``: a service asks for a higher level before its form starts.
"""
