# The portal's web image: built with the SDK, run on the ASP.NET Core runtime as a non-root user.
# Used by docker-compose.yml; build alone with: docker build -t newsportal-web .

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src

# Restore first, from the project files only, so source edits do not invalidate the package layer.
COPY Directory.Build.props Directory.Packages.props .editorconfig ./
COPY src/NewsPortal.Core/NewsPortal.Core.csproj src/NewsPortal.Core/
COPY src/NewsPortal.Web/NewsPortal.Web.csproj src/NewsPortal.Web/
COPY migrations/NewsPortal.Migrations.Sqlite/NewsPortal.Migrations.Sqlite.csproj migrations/NewsPortal.Migrations.Sqlite/
COPY migrations/NewsPortal.Migrations.Postgres/NewsPortal.Migrations.Postgres.csproj migrations/NewsPortal.Migrations.Postgres/
RUN dotnet restore src/NewsPortal.Web/NewsPortal.Web.csproj

COPY src/ src/
COPY migrations/ migrations/
COPY wwwroot/ wwwroot/
RUN dotnet publish src/NewsPortal.Web/NewsPortal.Web.csproj -c Release --no-restore -o /app

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
# curl answers the HEALTHCHECK below; ffmpeg (ffprobe and ffmpeg) checks video uploads and takes their poster frames.
RUN apt-get update \
    && apt-get install -y --no-install-recommends curl ffmpeg \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /app
# The app's files belong to root and are read-only to the app; only data/ and logs/ are writable.
# data/media is created here so that the named volume mounted on it starts out owned by the app user.
COPY --from=build /app ./
RUN mkdir -p /app/data/media /app/logs && chown "$APP_UID" /app/data /app/data/media /app/logs
USER $APP_UID

ENV ASPNETCORE_ENVIRONMENT=Production \
    ASPNETCORE_HTTP_PORTS=8080
EXPOSE 8080
HEALTHCHECK --interval=15s --timeout=5s --start-period=60s --retries=3 \
    CMD curl --fail --silent --show-error http://127.0.0.1:8080/health || exit 1
ENTRYPOINT ["dotnet", "NewsPortal.Web.dll"]
