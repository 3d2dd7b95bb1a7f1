#!/usr/bin/env luajit
-- the first line is a shebang and must be skipped
print("shebang skipped")
print(select("#", ...))
