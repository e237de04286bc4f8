#!/usr/bin/env python3
"""Writes graph-seed/sources/<name>/ from the publishers' files in ../shared/datasets.

Keeps only the rows the mappings take and the fact columns they read: the publishers' free-text notes,
abstracts and descriptions are their authors' sentences, not facts, and are left out. Run it again when a
publisher releases a newer snapshot; the service shows the diff before the next load applies it.
Usage: python3 scripts/snapshot-sources.py [../shared/datasets]
"""
import csv
import glob
import io
import os
import re
import sys

import yaml

HERE = os.path.dirname(os.path.abspath(__file__))
SEED = os.path.join(HERE, '..', 'graph-seed', 'sources')
DATA = sys.argv[1] if len(sys.argv) > 1 else os.path.join(HERE, '..', '..', 'shared', 'datasets')

EPOCH_MODEL_COLUMNS = ['System', 'Organization', 'Organization categorization', 'Country (from Organization)',
                       'Publication date', 'Domain', 'Parameters', 'Training compute (FLOP)', 'Training hardware',
                       'Hardware quantity', 'Base model', 'Model accessibility', 'Link', 'Confidence']
EPOCH_HARDWARE_COLUMNS = ['Name of the hardware', 'Manufacturer', 'Type', 'Release date', 'Generally available',
                          'Available in China', 'FP16 (half precision) performance (FLOP/s)',
                          'Tensor-FP16 performance (FLOP/s)', 'INT8 performance (OP/s)',
                          'Memory size per board (Byte)', 'TDP (W)', 'Process size (nm)', 'Foundry',
                          'Link to datasheet']
OSAI_DIMENSIONS = ['datasources_basemodel', 'datasources_endmodel', 'weights_basemodel', 'weights_endmodel',
                   'trainingcode', 'code', 'hardware_architecture', 'preprint', 'paper', 'modelcard', 'datasheet',
                   'licenses', 'package', 'api']


def write_csv(path, columns, rows):
    with open(path, 'w', encoding='utf-8', newline='') as out:
        writer = csv.writer(out, lineterminator='\n')
        writer.writerow(columns)
        for row in rows:
            writer.writerow([row.get(c, '').strip() for c in columns])


def epoch_models():
    with open(os.path.join(DATA, 'epoch-models', 'all-ml-systems.csv'), encoding='utf-8-sig') as f:
        rows = list(csv.DictReader(f))
    chinese = [r for r in rows if 'China' in r['Country (from Organization)'].split(',')]
    bases = {r['Base model'].strip() for r in chinese if r['Base model'].strip()}
    taken = chinese + [r for r in rows if r['System'].strip() in bases and r not in chinese]
    taken.sort(key=lambda r: r['System'].strip())
    write_csv(os.path.join(SEED, 'epoch-models', 'models.csv'), EPOCH_MODEL_COLUMNS, taken)


def epoch_hardware():
    with open(os.path.join(DATA, 'epoch-hardware', 'ml-hardware-with-availability.csv'), encoding='utf-8-sig') as f:
        rows = list(csv.DictReader(f))
    write_csv(os.path.join(SEED, 'epoch-hardware', 'hardware.csv'), EPOCH_HARDWARE_COLUMNS, rows)


def osai_index():
    out_dir = os.path.join(SEED, 'osai-index', 'records')
    os.makedirs(out_dir, exist_ok=True)
    for old in glob.glob(os.path.join(out_dir, '*.yaml')):
        os.remove(old)
    for path in sorted(glob.glob(os.path.join(DATA, 'osai-index', '*.yaml'))):
        text = open(path, encoding='utf-8').read()
        origin = re.search(r'#\s*-\s*National origin:\s*(.+)', text)
        if not origin or origin.group(1).strip() != 'China':
            continue
        record = yaml.safe_load(text)
        system, org = record.get('system') or {}, record.get('org') or {}
        kept = {
            'file': os.path.basename(path),
            'origin': 'China',
            'system': {k: str(system[k]).strip() for k in ('name', 'link', 'type', 'basemodelname', 'endmodelname',
                                                             'endmodellicense', 'releasedate') if system.get(k) is not None},
            'org': {k: str(org[k]).strip() for k in ('name', 'link') if org.get(k) is not None},
        }
        for dim in OSAI_DIMENSIONS:
            value = record.get(dim)
            if isinstance(value, dict) and value.get('class'):
                kept[dim] = {k: str(value[k]).strip() for k in ('class', 'link') if value.get(k)}
        name = re.sub(r'[^A-Za-z0-9._-]+', '-', os.path.basename(path))
        with open(os.path.join(out_dir, name), 'w', encoding='utf-8') as out:
            yaml.safe_dump(kept, out, allow_unicode=True, sort_keys=False)


def awesome_list():
    lines = open(os.path.join(DATA, 'awesome-llms-in-china', 'README.md'), encoding='utf-8').read().splitlines()
    start = next(i for i, l in enumerate(lines) if l.startswith('|序号|公司|'))
    table = []
    for line in lines[start:]:
        if not line.startswith('|'):
            break  # the Chinese models' table ends here; the README's later tables list foreign models
        table.append(line)
    keep = ['序号', '公司', '大模型', '省市', '类别', '官网']
    header = [c.strip() for c in table[0].strip().strip('|').split('|')]
    out = ['|' + '|'.join(keep) + '|', '|' + '|'.join(':-' for _ in keep) + '|']
    for line in table[2:]:
        cells = [c.strip() for c in line.strip().strip('|').split('|')]
        row = dict(zip(header, cells))
        out.append('|' + '|'.join(row.get(c, '') for c in keep) + '|')
    with open(os.path.join(SEED, 'awesome-llms-in-china', 'models.md'), 'w', encoding='utf-8') as f:
        f.write('\n'.join(out) + '\n')


if __name__ == '__main__':
    for name in ('epoch-models', 'epoch-hardware', 'osai-index', 'awesome-llms-in-china'):
        os.makedirs(os.path.join(SEED, name), exist_ok=True)
    epoch_models()
    epoch_hardware()
    osai_index()
    awesome_list()
