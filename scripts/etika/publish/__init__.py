"""Publishing: the checked build into a temp folder, the link check and CSP, and every target
(git branch, release folder, offline zip, SCORM package, Moodle question bank, PDF handouts).
May use `quiz` and `site`.
"""
