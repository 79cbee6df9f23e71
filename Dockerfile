# syntax=docker/dockerfile:1

# Build: the .NET SDK plus Node.js, which the build uses to restore browser libraries and compile styles.
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
RUN apt-get update \
    && apt-get install -y --no-install-recommends nodejs npm \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig package.json package-lock.json ./
COPY server/ReviewRoom.csproj server/
RUN npm ci --no-audit --no-fund && dotnet restore server/ReviewRoom.csproj
COPY server/ server/
COPY wwwroot/ wwwroot/
COPY templates/ templates/
RUN dotnet publish server/ReviewRoom.csproj -c Release --no-restore -o /app

# Run: the ASP.NET Core runtime only, with full globalisation (ICU) for Welsh and English dates.
FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS final
ENV ASPNETCORE_HTTP_PORTS=8080 \
    DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=false \
    ReviewRoom__DataPath=/data
WORKDIR /app
COPY --from=build /app ./
RUN mkdir -p /data && chown app:app /data
VOLUME ["/data"]
USER app
# Orchestrators can probe GET /health.
EXPOSE 8080
ENTRYPOINT ["dotnet", "ReviewRoom.dll"]
