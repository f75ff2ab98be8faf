using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.Repositories;

namespace NewsPortal.Web.Platform.ScaleOut;

/// <summary>
/// The data-protection key ring in Redis, shared by every instance, with a copy in the instance's key folder.
/// Every key read from Redis is copied to the folder; while Redis is down the key ring is read from the
/// folder, so an instance (re)started during an outage still accepts the staff cookies and form tokens of the
/// others. A key made while Redis is down is kept in the folder and added to Redis when it answers again.
/// </summary>
public sealed class MirroredKeyRing : IXmlRepository
{
    private readonly IXmlRepository _redis;
    private readonly FileSystemXmlRepository _folder;
    private readonly RedisCircuit _circuit;
    private readonly ILogger<MirroredKeyRing> _log;
    private readonly object _gate = new();

    public MirroredKeyRing(IXmlRepository redis, DirectoryInfo folder, RedisCircuit circuit, ILoggerFactory logs)
    {
        _redis = redis;
        _folder = new FileSystemXmlRepository(folder, logs);
        _circuit = circuit;
        _log = logs.CreateLogger<MirroredKeyRing>();
        circuit.OnRecovery(_ => Task.Run(() => Synchronise(_redis.GetAllElements())));
    }

    public IReadOnlyCollection<XElement> GetAllElements()
    {
        // Always asked (read rarely: at start and once a day), so a slow moment never makes this instance
        // read an empty copy and create a key of its own that the other instances do not know.
        try
        {
            return Synchronise(_redis.GetAllElements());
        }
        catch (Exception ex) when (RedisCircuit.IsRedisFailure(ex))
        {
            _circuit.Failed(ex);
        }

        _log.LogWarning("Key ring read from the copy in the key folder, because Redis does not answer");
        return _folder.GetAllElements();
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        lock (_gate)
        {
            _folder.StoreElement(element, friendlyName);
        }

        try
        {
            _redis.StoreElement(element, friendlyName);
        }
        catch (Exception ex) when (RedisCircuit.IsRedisFailure(ex))
        {
            // Added to Redis by Synchronise when it answers again.
            _circuit.Failed(ex);
        }
    }

    /// <summary>Copies what Redis has to the folder and what only the folder has to Redis; returns the union.</summary>
    private List<XElement> Synchronise(IReadOnlyCollection<XElement> inRedis)
    {
        lock (_gate)
        {
            var inFolder = _folder.GetAllElements();
            var redisIds = inRedis.Select(Identity).ToHashSet(StringComparer.Ordinal);
            var folderIds = inFolder.Select(Identity).ToHashSet(StringComparer.Ordinal);
            foreach (var element in inRedis.Where(e => !folderIds.Contains(Identity(e))))
            {
                _folder.StoreElement(element, FriendlyName(element));
            }

            var onlyInFolder = inFolder.Where(e => !redisIds.Contains(Identity(e))).ToList();
            foreach (var element in onlyInFolder)
            {
                _redis.StoreElement(element, FriendlyName(element));
            }

            return [.. inRedis, .. onlyInFolder];
        }
    }

    /// <summary>A key by its id; a revocation by what it revokes and when.</summary>
    private static string Identity(XElement element) =>
        element.Name.LocalName + ":" + ((string?)element.Attribute("id") ?? element.ToString(SaveOptions.DisableFormatting));

    private static string FriendlyName(XElement element) =>
        element.Attribute("id") is { } id ? "key-" + id.Value : "revocation-" + Guid.NewGuid().ToString("N");
}
