# escape=`

FROM mcr.microsoft.com/windows/nanoserver:ltsc2022
SHELL ["powershell", "-command"]
COPY testfile.txt c:\
RUN New-Item -ItemType Directory C:\Example ; `
    Write-Host done
ADD Execute-MyCmdlet.ps1 c:\example\
RUN c:\example\Execute-MyCmdlet -sample 'hello world'
ENV TOOLS=C:\tools PATH=C:\tools`;C:\bin
WORKDIR C:\app
