-- wrk script: cycles through the request paths in the file named by PATHS_FILE, so every
-- request asks about a different segment (no answer is served twice in a row).
local paths = {}
for line in io.lines(os.getenv("PATHS_FILE")) do paths[#paths + 1] = line end
local counter = 0
request = function()
  counter = counter + 1
  return wrk.format("GET", paths[(counter % #paths) + 1])
end
