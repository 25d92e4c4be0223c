<?php
/**
 * Wires the adapter for this WordPress site: storage on $wpdb, settings from options, WordPress's clock, log,
 * mail and HTTP, and the payment providers the settings enable. Built once per request, on first use.
 *
 * @package Guichet
 */

namespace Guichet\WordPress;

use Guichet\Adapter\Http\ProtocolHandler;
use Guichet\Adapter\Orders\OrdersContext;
use Guichet\Adapter\Ports\Clock;
use Guichet\Adapter\Ports\RedactingLogger;
use Guichet\Adapter\Ports\SystemClock;
use Guichet\Adapter\Providers\ProviderRegistry;
use Guichet\Adapter\Receipts\ReceiptService;
use Guichet\WordPress\Ports\OptionsSettings;
use Guichet\WordPress\Ports\ReceiptOptions;
use Guichet\WordPress\Ports\WpHttpClient;
use Guichet\WordPress\Ports\WpLogger;
use Guichet\WordPress\Ports\WpMailer;
use Guichet\WordPress\Storage\Database;
use Guichet\WordPress\Storage\FormStore;
use Guichet\WordPress\Storage\OrderStorage;
use Guichet\WordPress\Storage\ReceiptStorage;

defined('ABSPATH') || exit;

final class Site
{
    private static ?self $instance = null;

    public Database $db;
    public FormStore $forms;
    public OrderStorage $storage;
    public OptionsSettings $settings;
    public ReceiptStorage $receiptStore;
    public ReceiptOptions $receiptSettings;
    private ?OrdersContext $context = null;
    private ?ReceiptService $receipts = null;

    private function __construct()
    {
        global $wpdb;
        $this->db = new Database($wpdb);
        $this->forms = new FormStore($this->db);
        $this->storage = new OrderStorage($this->db);
        $this->settings = new OptionsSettings();
        $this->receiptStore = new ReceiptStorage($this->db);
        $this->receiptSettings = new ReceiptOptions();
    }

    public static function get(): self
    {
        if (self::$instance === null) {
            self::$instance = new self();
        }
        return self::$instance;
    }

    /** Forgets the wiring, e.g. after the settings changed within the same request. */
    public static function reset(): void
    {
        self::$instance = null;
    }

    public function orders(): OrdersContext
    {
        if ($this->context === null) {
            $clock = self::clock();
            $providers = ProviderRegistry::fromSettings($this->settings, new WpHttpClient(), $clock);
            $this->context = new OrdersContext(
                $this->storage,
                $this->forms,
                $this->settings,
                $clock,
                new RedactingLogger(new WpLogger()),
                $providers
            );
            // Tax receipts: issued when a gift is paid, cancelled or corrected on a refund (and e-mailed then).
            $this->context->onChange([$this->receipts(), 'onOrderChanged']);
            /** Lets add-ons register listeners (emails, CRM sync…) on order changes. */
            do_action('guichet_orders_context', $this->context);
        }
        return $this->context;
    }

    /** Tax receipts: issued on payment by the listener above, and by the back-office and the January run. */
    public function receipts(): ReceiptService
    {
        if ($this->receipts === null) {
            $this->receipts = new ReceiptService(
                $this->storage,
                $this->receiptStore,
                $this->receiptSettings,
                $this->forms,
                new WpMailer(),
                self::clock(),
                new RedactingLogger(new WpLogger())
            );
        }
        return $this->receipts;
    }

    /**
     * The adapter's only source of "now". The filter lets a test harness move time forward (hold expiry,
     * delayed settlement) without touching the system clock; anything but a Clock is ignored.
     */
    public static function clock(): Clock
    {
        $clock = apply_filters('guichet_clock', null);
        return $clock instanceof Clock ? $clock : new SystemClock();
    }

    public function protocol(): ProtocolHandler
    {
        return new ProtocolHandler($this->orders(), $this->receipts());
    }
}
