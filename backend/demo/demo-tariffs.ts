/**
 * The tariff file of the demo's Italian carrier (Milan's calls): peak, off-peak and weekend prices,
 * national and mobile calls billed 30/6, free numeri verdi, premium 89x numbers with a connect fee
 * and a cap, and international calls with a connect fee billed first minute then per second.
 * Fictional carrier, plausible 2025 business prices.
 */
export const AURORA_TARIFF_YAML = `# Ledgerline tariff file: the format is described in docs/tariffs.md
version: 1
carrier: { code: aurora, name: Linea Aurora S.p.A. }
name: Aurora Voce Business 2025
currency: EUR
timeZone: Europe/Rome
activeFrom: 2025-01-01
rounding: { decimals: 4, method: half-up }
timeBands:
  - { name: weekend, days: [sat, sun], from: '00:00', to: '24:00' }
  - { name: peak, days: [mon-fri], from: '08:00', to: '18:30' }
  - { name: offpeak, days: [mon-fri], from: '18:30', to: '08:00' }
rates:
  # Every Italian number a longer prefix does not match: local and national fixed lines.
  - prefix: '39'
    label: Italia - rete fissa
    pricePerMinute: 0.015
    increments: 30/6
    bands:
      offpeak: { pricePerMinute: 0.01 }
      weekend: { pricePerMinute: 0.008 }
  - prefix: '393'
    label: Italia - rete mobile
    pricePerMinute: 0.048
    increments: 30/6
    bands:
      offpeak: { pricePerMinute: 0.038 }
      weekend: { pricePerMinute: 0.035 }
  # 848 numbers: the caller pays a local call, the company called pays the rest.
  - { prefix: '39848', label: Numeri a costo ripartito 848, pricePerMinute: 0.015, increments: 30/6 }
  - { prefix: '39800', label: Numero verde, pricePerMinute: 0, increments: 60/60 }
  - { prefix: '39803', label: Numero verde, pricePerMinute: 0, increments: 60/60 }
  - prefix: '39899'
    label: Numeri a tariffa maggiorata 899
    connectFee: 0.2
    intervals:
      - { fromSec: 0, incrementSec: 60, pricePerMinute: 1.6 }
      - { fromSec: 60, incrementSec: 1, pricePerMinute: 1.2 }
    minCharge: 0.5
    maxCost: 30
  - prefix: '39892'
    label: Servizi informazione 892
    connectFee: 0.6
    pricePerMinute: 1.2
    increments: 60/1
    maxCost: 15
  # International: a connect fee on every answered call, first minute then per second.
  - { prefix: '44', label: Regno Unito - fisso, connectFee: 0.08, pricePerMinute: 0.03, increments: 60/1 }
  - { prefix: '447', label: Regno Unito - mobile, connectFee: 0.08, pricePerMinute: 0.09, increments: 60/1 }
  - { prefix: '33', label: Francia - fisso, connectFee: 0.08, pricePerMinute: 0.025, increments: 60/1 }
  - { prefix: '336', label: Francia - mobile, connectFee: 0.08, pricePerMinute: 0.08, increments: 60/1 }
  - { prefix: '337', label: Francia - mobile, connectFee: 0.08, pricePerMinute: 0.08, increments: 60/1 }
  - { prefix: '49', label: Germania - fisso, connectFee: 0.08, pricePerMinute: 0.025, increments: 60/1 }
  - { prefix: '4915', label: Germania - mobile, connectFee: 0.08, pricePerMinute: 0.09, increments: 60/1 }
  - { prefix: '4916', label: Germania - mobile, connectFee: 0.08, pricePerMinute: 0.09, increments: 60/1 }
  - { prefix: '4917', label: Germania - mobile, connectFee: 0.08, pricePerMinute: 0.09, increments: 60/1 }
  - { prefix: '34', label: Spagna - fisso, connectFee: 0.08, pricePerMinute: 0.025, increments: 60/1 }
  - { prefix: '346', label: Spagna - mobile, connectFee: 0.08, pricePerMinute: 0.075, increments: 60/1 }
  - { prefix: '41', label: Svizzera - fisso, connectFee: 0.08, pricePerMinute: 0.045, increments: 60/1 }
  - { prefix: '417', label: Svizzera - mobile, connectFee: 0.08, pricePerMinute: 0.22, increments: 60/1 }
  - { prefix: '43', label: Austria, connectFee: 0.08, pricePerMinute: 0.03, increments: 60/1 }
  - { prefix: '31', label: Paesi Bassi, connectFee: 0.08, pricePerMinute: 0.025, increments: 60/1 }
  - { prefix: '32', label: Belgio, connectFee: 0.08, pricePerMinute: 0.03, increments: 60/1 }
  - { prefix: '48', label: Polonia, connectFee: 0.08, pricePerMinute: 0.04, increments: 60/1 }
  - { prefix: '90', label: Turchia, connectFee: 0.08, pricePerMinute: 0.12, increments: 60/1 }
  - { prefix: '1', label: Stati Uniti e Canada, connectFee: 0.08, pricePerMinute: 0.02, increments: 60/1 }
  - { prefix: '86', label: Cina, connectFee: 0.08, pricePerMinute: 0.06, increments: 60/1 }
  - { prefix: '91', label: India, connectFee: 0.08, pricePerMinute: 0.07, increments: 60/1 }
  - { prefix: '81', label: Giappone, connectFee: 0.08, pricePerMinute: 0.08, increments: 60/1 }
  - { prefix: '971', label: Emirati Arabi Uniti, connectFee: 0.08, pricePerMinute: 0.24, increments: 60/1 }
  - { prefix: '55', label: Brasile, connectFee: 0.08, pricePerMinute: 0.11, increments: 60/1 }
  - { prefix: '353', label: Irlanda, connectFee: 0.08, pricePerMinute: 0.03, increments: 60/1 }
  - { prefix: '53', label: Cuba, connectFee: 0.1, pricePerMinute: 1.25, increments: 60/60 }
  - { prefix: '870', label: Inmarsat, connectFee: 0.5, pricePerMinute: 6.9, increments: 60/60 }
  - destClass: international
    label: Resto del mondo
    connectFee: 0.1
    pricePerMinute: 0.95
    increments: 60/60
`;

/**
 * The tariff file of the demo's UK carrier (London's calls): daytime, evening and weekend prices
 * billed per second, free 0800/0808 numbers, 09 premium numbers, and international calls with a
 * connect fee billed first minute then per second, country by country with no rest of the world.
 * Fictional carrier, plausible 2025 prices.
 */
export const ALBION_TARIFF_YAML = `# Ledgerline tariff file: the format is described in docs/tariffs.md
version: 1
carrier: { code: albion, name: Albion Voice Ltd }
name: Albion Business Voice 2025
currency: GBP
timeZone: Europe/London
activeFrom: 2025-01-01
rounding: { decimals: 3, method: up }
timeBands:
  - { name: weekend, days: [sat, sun], from: '00:00', to: '24:00' }
  - { name: daytime, days: [mon-fri], from: '08:00', to: '18:00' }
  - { name: evening, days: [mon-fri], from: '18:00', to: '08:00' }
rates:
  # UK geographic numbers (01, 02) and every UK number a longer prefix does not match.
  - prefix: '44'
    label: UK - geographic
    pricePerMinute: 0.01
    increments: 1/1
    bands:
      evening: { pricePerMinute: 0.006 }
      weekend: { pricePerMinute: 0.004 }
  # 03 numbers cost what geographic ones do (Ofcom), on their own line for reports.
  - prefix: '443'
    label: UK - non-geographic 03
    pricePerMinute: 0.01
    increments: 1/1
    bands:
      evening: { pricePerMinute: 0.006 }
      weekend: { pricePerMinute: 0.004 }
  - prefix: '447'
    label: UK - mobile
    pricePerMinute: 0.025
    increments: 1/1
    bands:
      evening: { pricePerMinute: 0.02 }
      weekend: { pricePerMinute: 0.015 }
  - { prefix: '44800', label: UK - freephone 0800, pricePerMinute: 0, increments: 1/1 }
  - { prefix: '44808', label: UK - freephone 0808, pricePerMinute: 0, increments: 1/1 }
  - { prefix: '4484', label: UK - service numbers 084, pricePerMinute: 0.07, increments: 60/1 }
  - { prefix: '4487', label: UK - service numbers 087, pricePerMinute: 0.1, increments: 60/1 }
  - prefix: '449'
    label: UK - premium rate 09
    connectFee: 0.25
    pricePerMinute: 1.5
    increments: 60/1
    maxCost: 25
  # International: a connect fee on every answered call, first minute then per second.
  - { prefix: '39', label: Italy - fixed, connectFee: 0.05, pricePerMinute: 0.02, increments: 60/1 }
  - { prefix: '393', label: Italy - mobile, connectFee: 0.05, pricePerMinute: 0.06, increments: 60/1 }
  - { prefix: '353', label: Ireland - fixed, connectFee: 0.05, pricePerMinute: 0.02, increments: 60/1 }
  - { prefix: '3538', label: Ireland - mobile, connectFee: 0.05, pricePerMinute: 0.07, increments: 60/1 }
  - { prefix: '33', label: France - fixed, connectFee: 0.05, pricePerMinute: 0.02, increments: 60/1 }
  - { prefix: '336', label: France - mobile, connectFee: 0.05, pricePerMinute: 0.06, increments: 60/1 }
  - { prefix: '337', label: France - mobile, connectFee: 0.05, pricePerMinute: 0.06, increments: 60/1 }
  - { prefix: '49', label: Germany - fixed, connectFee: 0.05, pricePerMinute: 0.02, increments: 60/1 }
  - { prefix: '4915', label: Germany - mobile, connectFee: 0.05, pricePerMinute: 0.07, increments: 60/1 }
  - { prefix: '4916', label: Germany - mobile, connectFee: 0.05, pricePerMinute: 0.07, increments: 60/1 }
  - { prefix: '4917', label: Germany - mobile, connectFee: 0.05, pricePerMinute: 0.07, increments: 60/1 }
  - { prefix: '34', label: Spain, connectFee: 0.05, pricePerMinute: 0.02, increments: 60/1 }
  - { prefix: '31', label: Netherlands, connectFee: 0.05, pricePerMinute: 0.02, increments: 60/1 }
  - { prefix: '41', label: Switzerland, connectFee: 0.05, pricePerMinute: 0.04, increments: 60/1 }
  - { prefix: '1', label: USA and Canada, connectFee: 0.05, pricePerMinute: 0.015, increments: 60/1 }
  - { prefix: '91', label: India, connectFee: 0.05, pricePerMinute: 0.05, increments: 60/1 }
  - { prefix: '971', label: United Arab Emirates - fixed, connectFee: 0.05, pricePerMinute: 0.22, increments: 60/1 }
  - { prefix: '9715', label: United Arab Emirates - mobile, connectFee: 0.05, pricePerMinute: 0.38, increments: 60/1 }
  - { prefix: '61', label: Australia, connectFee: 0.05, pricePerMinute: 0.04, increments: 60/1 }
  - { prefix: '65', label: Singapore, connectFee: 0.05, pricePerMinute: 0.04, increments: 60/1 }
  - { prefix: '86', label: China, connectFee: 0.05, pricePerMinute: 0.05, increments: 60/1 }
  # No rest of the world: calls to anywhere not listed (satellite networks, for one) are stored
  # unrated until a rate is added.
`;
