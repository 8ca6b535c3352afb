#	  SyNtAx = docker/dockerfile:1.7  
# check=skip=JSONArgsRecommended;error=true
#escape=\
# About this file: the next line is a comment, as directives end at the first comment
# escape=`
# hadolint ignore=DL3007
FROM alpine:latest
# strata ignore=STR1001
# hadolint ignore=DL3018,DL3019
RUN apk add curl

# separated from the RUN by a blank line

USER nobody
