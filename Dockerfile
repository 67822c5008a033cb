# Multi-stage build of the Marketplace host. Used by docker-compose.yml for users who have Docker.
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY global.json Directory.Build.props Directory.Packages.props Marketplace.sln .editorconfig ./
COPY src/ src/
RUN dotnet publish src/Marketplace.Web/Marketplace.Web.csproj -c Release -o /app --nologo

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app
COPY --from=build /app .
ENV ASPNETCORE_URLS=http://0.0.0.0:8080 \
    ASPNETCORE_ENVIRONMENT=Production
EXPOSE 8080
USER app
ENTRYPOINT ["dotnet", "Marketplace.Web.dll"]
