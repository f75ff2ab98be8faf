using System.Diagnostics;
using System.Text.RegularExpressions;
using NewsPortal.IntegrationTests.Infrastructure;

namespace NewsPortal.IntegrationTests.ScaleOut;

/// <summary>
/// The docker-compose deployment, checked offline: no Docker engine runs here, but compose v1 validates and
/// resolves the file, and nginx checks its own configuration (both installed by scripts/services.sh).
/// </summary>
[Trait(DatabaseTrait.Name, DatabaseTrait.ProviderIndependent)]
public sealed class DeploymentFiles
{
    private static readonly string Root = FindRoot();

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "NewsPortal.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("The repository root (NewsPortal.sln) was not found above the test binaries.");
    }

    private static (int ExitCode, string Output, string Errors) Run(string program, string arguments, IDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(program, arguments)
        {
            WorkingDirectory = Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var name in new[] { "POSTGRES_PASSWORD", "REDIS_PASSWORD" })
        {
            start.Environment.Remove(name);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException($"'{program}' is not installed; scripts/test.sh installs it (see scripts/services.sh).", e);
        }

        using (process)
        {
            var output = process.StandardOutput.ReadToEndAsync();
            var errors = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"{program} {arguments} did not finish in two minutes.");
            }

            return (process.ExitCode, output.Result, errors.Result);
        }
    }

    private static readonly Dictionary<string, string> Secrets = new()
    {
        ["POSTGRES_PASSWORD"] = "pg-secret-from-the-environment",
        ["REDIS_PASSWORD"] = "redis-secret-from-the-environment",
    };

    [Fact]
    public void The_compose_file_is_valid_when_the_secrets_are_in_the_environment()
    {
        var (exitCode, _, errors) = Run("docker-compose", "-f docker-compose.yml config -q", Secrets);

        Assert.True(exitCode == 0, errors);
    }

    [Fact]
    public void The_compose_file_refuses_to_start_without_the_database_password()
    {
        var (exitCode, _, errors) = Run("docker-compose", "-f docker-compose.yml config -q",
            new Dictionary<string, string> { ["REDIS_PASSWORD"] = "redis-secret-from-the-environment" });

        Assert.NotEqual(0, exitCode);
        Assert.Contains("POSTGRES_PASSWORD", errors);
    }

    [Fact]
    public void The_compose_file_runs_two_web_replicas_on_postgres_and_redis_behind_nginx()
    {
        var (exitCode, config, errors) = Run("docker-compose", "-f docker-compose.yml config", Secrets);
        Assert.True(exitCode == 0, errors);

        var services = Regex.Matches(config, @"^  (\w+):$", RegexOptions.Multiline).Select(m => m.Groups[1].Value).ToList();
        Assert.Subset(services.ToHashSet(), new HashSet<string> { "web", "postgres", "redis", "nginx" });
        Assert.Contains("replicas: 2", config);
        Assert.Contains("Database__Provider: Postgres", config);
        Assert.Matches(@"Database__MigrateOnStartup: [""']?true", config);
        Assert.Contains("Password=pg-secret-from-the-environment", config);
        Assert.Contains("redis:6379,password=redis-secret-from-the-environment", config);
        Assert.Contains("pg_isready", config);
        Assert.Contains("redis-cli ping", config);
        Assert.Contains("/etc/nginx/nginx.conf:ro", config);

        // The web instances trust forwarded headers from nginx's address, and from nothing else.
        var trusted = Regex.Match(config, @"ForwardedHeaders__KnownProxies__0: ([\d.]+)").Groups[1].Value;
        var nginxAddress = Regex.Match(config, @"ipv4_address: ([\d.]+)").Groups[1].Value;
        Assert.NotEmpty(trusted);
        Assert.Equal(nginxAddress, trusted);
    }

    [Fact]
    public void No_secret_is_written_in_the_committed_files()
    {
        var compose = string.Join('\n', File.ReadAllLines(Path.Combine(Root, "docker-compose.yml")).Where(l => !l.TrimStart().StartsWith('#')));

        var values = Regex.Matches(compose, @"(?im)(?:^\s*\w*(?:password|auth)\w*:\s*|password=)""?([^""\s;,]*)");
        Assert.True(values.Count >= 4, $"Expected the passwords of the web, postgres and redis services, found {values.Count}");
        foreach (Match value in values)
        {
            Assert.StartsWith("${", value.Groups[1].Value);
        }

        Assert.False(File.Exists(Path.Combine(Root, ".env")), "A .env file holds secrets and must not be in the repository.");
    }

    [Fact]
    public void The_nginx_configuration_passes_nginx_own_check_and_forwards_the_client_headers()
    {
        var config = File.ReadAllText(NginxProxy.ShippedConfigPath);
        var folder = Directory.CreateTempSubdirectory("newsportal-nginx-check-");
        try
        {
            // Debian's nginx predates "resolve", so the check runs on the file with only its upstream server
            // and listen port substituted, as the tests that run nginx in front of the portal do.
            var path = Path.Combine(folder.FullName, "nginx.conf");
            File.WriteAllText(path, NginxProxy.LocalConfig(config, 8080, ["127.0.0.1:5080", "127.0.0.1:5081"]));

            var (exitCode, output, errors) = Run(NginxProxy.Program, $"-t -q -e stderr -c {path}");

            Assert.True(exitCode == 0, output + errors);
        }
        finally
        {
            folder.Delete(recursive: true);
        }

        Assert.Matches(@"proxy_pass\s+http://web_instances;", config);
        Assert.Matches(@"upstream\s+web_instances\s*\{[^}]*zone\s+web_instances\s+\w+;[^}]*server\s+web:8080\s+resolve;[^}]*keepalive\s+\d+;", config);
        Assert.Matches(@"resolver\s+127\.0\.0\.11\s+valid=10s", config);
        Assert.Matches(@"proxy_set_header\s+Connection\s+"""";", config);
        Assert.Matches(@"proxy_set_header\s+X-Forwarded-For\s+\$proxy_add_x_forwarded_for;", config);
        Assert.Matches(@"proxy_set_header\s+X-Forwarded-Proto\s+\$scheme;", config);
        Assert.Matches(@"proxy_set_header\s+Host\s+\$http_host;", config);
    }

    [Fact]
    public void The_compose_file_sets_the_public_address_from_one_variable_and_shares_the_media_folder()
    {
        var (exitCode, config, errors) = Run("docker-compose", "-f docker-compose.yml config",
            new Dictionary<string, string>(Secrets) { ["NEWSPORTAL_PUBLIC_URL"] = "https://news.example.org" });
        Assert.True(exitCode == 0, errors);

        Assert.Contains("Site__BaseUrl: https://news.example.org", config);
        Assert.Matches(@"- media:/app/data/media", config);
        Assert.Matches(@"(?m)^  media:", config);
        Assert.Matches(@"image: nginx:1\.(2[89]|[3-9]\d)", config);
    }

    [Fact]
    public void The_image_is_built_in_stages_and_runs_as_a_non_root_user_with_a_health_check()
    {
        var dockerfile = File.ReadAllLines(Path.Combine(Root, "Dockerfile"));

        var stages = dockerfile.Where(l => l.StartsWith("FROM ", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, stages.Count);
        Assert.Contains("/dotnet/sdk:10.0 AS build", stages[0]);
        Assert.Contains("/dotnet/aspnet:10.0", stages[1]);
        var user = Assert.Single(dockerfile, l => l.StartsWith("USER ", StringComparison.Ordinal));
        Assert.DoesNotContain("root", user);
        Assert.Contains(dockerfile, l => l.Contains("dotnet publish", StringComparison.Ordinal));
        Assert.Contains(dockerfile.SkipWhile(l => !l.StartsWith("HEALTHCHECK", StringComparison.Ordinal)), l => l.Contains("/health", StringComparison.Ordinal));
        Assert.Equal("ENTRYPOINT [\"dotnet\", \"NewsPortal.Web.dll\"]", dockerfile.Last(l => l.Length > 0));
    }
}
