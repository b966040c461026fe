"""Qt user interface: the only package that imports PySide6."""

from newsdesk.gui.qt_workarounds import answer_feature_question_from_namespace, protect_singletons

protect_singletons()
answer_feature_question_from_namespace()
