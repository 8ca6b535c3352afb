# escape=`
# expect: STR1001@4 STR1002@4 STR1012@8 STR1009@9 STR1013@9
FROM mcr.microsoft.com/windows/servercore:ltsc2022
RUN apt-get update && `
    apt-get install -y `
      curl
WORKDIR C:\app
COPY . .
RUN npm ci
USER ContainerUser
CMD ["node", "app.js"]
