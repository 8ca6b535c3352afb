# syntax=docker/dockerfile:1
# expect: STR1014@5 STR2003@5 STR1001@6 STR1002@6 STR1003@15 STR1010@15
# The python heredoc is not a shell script: the apt-get in its text runs nothing.

FROM debian:12
RUN <<EOF
set -e
apt-get update
apt-get install -y curl
EOF
RUN python3 <<EOF
print("apt-get install -y nothing")
EOF

RUN <<-EOT
	pip install flask
	EOT
