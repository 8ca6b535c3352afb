FROM node:20-slim
# expect: STR2005@3 STR2004@9 STR2007@12
RUN set -eux; \
    \
    # fetch   
    curl -fsSL https://example.com/i.sh \   
      | sh ; \
    echo "a \\ b"
ENV NPM_TOKEN=abc \
    HOME=/home/node
USER node
CMD node server.js
