# escape=`
FROM scratch
COPY a `
     /a
