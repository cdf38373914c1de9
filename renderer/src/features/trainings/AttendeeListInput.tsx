import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type { Attendee } from '@core/records/kinds';
import { App, Button, Input, Typography, type InputRef } from 'antd';
import { useRef, useState, type ClipboardEvent, type KeyboardEvent } from 'react';
import { attendeeRoom, attendeesFromPaste } from './training-form-values';

/**
 * 签到名单, typed at the speed of a paper list being read out: a name and Enter adds the person and
 * leaves the cursor in the name box, the unit stays for the next person; a column of names pasted
 * (into the name box or the paste box) adds them all.
 */
export function AttendeeListInput({
  value = [],
  onChange,
  id,
}: {
  readonly value?: readonly Attendee[];
  readonly onChange?: (attendees: readonly Attendee[]) => void;
  readonly id?: string;
}) {
  const { message } = App.useApp();
  const nameInput = useRef<InputRef>(null);
  const [name, setName] = useState('');
  const [unit, setUnit] = useState('');
  const [pasting, setPasting] = useState(false);
  const [pasted, setPasted] = useState('');

  const addText = (text: string): boolean => {
    const { added, repeated } = attendeesFromPaste(text, unit, value);
    const room = attendeeRoom(value);
    if (added.length > room) {
      void message.error(`签到名单最多 ${value.length + room} 人，这次只能再加 ${room} 人`);
      return false;
    }
    if (repeated.length > 0) void message.warning(`已在名单中，未重复添加：${repeated.join('、')}`);
    if (added.length > 0) onChange?.([...value, ...added]);
    return true;
  };

  const addTyped = (event: KeyboardEvent<HTMLInputElement> | null) => {
    // Ctrl+Enter saves the whole form; only a plain Enter adds the person.
    if (event !== null && (event.ctrlKey || event.metaKey)) return;
    event?.preventDefault();
    if (name.trim() === '') return;
    if (addText(name)) setName('');
    nameInput.current?.focus();
  };

  const onNamePaste = (event: ClipboardEvent<HTMLInputElement>) => {
    const text = event.clipboardData.getData('text/plain');
    if (!/[\r\n]/.test(text.trim())) return;
    // A single-line input would run the column together into one name.
    event.preventDefault();
    addText(text);
  };

  return (
    <div className="attendee-input" data-testid="attendee-input">
      <div className="attendee-input__entry">
        <Input
          id={id}
          ref={nameInput}
          value={name}
          placeholder="姓名，回车添加"
          onChange={(event) => setName(event.target.value)}
          onKeyDown={(event) => event.key === 'Enter' && addTyped(event)}
          onPaste={onNamePaste}
          className="attendee-input__name"
          data-testid="attendee-name"
          aria-label="参训人员姓名"
        />
        <Input
          value={unit}
          placeholder="单位（下一位沿用）"
          onChange={(event) => setUnit(event.target.value)}
          onKeyDown={(event) => event.key === 'Enter' && addTyped(event)}
          className="attendee-input__unit"
          data-testid="attendee-unit"
          aria-label="参训人员单位"
        />
        <Button icon={<PlusOutlined />} onClick={() => addTyped(null)} data-testid="attendee-add">
          添加
        </Button>
        <Button onClick={() => setPasting(!pasting)} data-testid="attendee-paste-toggle">
          粘贴名单
        </Button>
      </div>
      {pasting && (
        <div className="attendee-input__paste">
          <Input.TextArea
            rows={4}
            value={pasted}
            onChange={(event) => setPasted(event.target.value)}
            placeholder={
              '每行一位，如从表格复制的一列姓名；\n第二列（Tab 或逗号分隔）为单位，没有则用上面填写的单位'
            }
            data-testid="attendee-paste"
            aria-label="粘贴签到名单"
          />
          <Button
            type="primary"
            ghost
            onClick={() => {
              if (addText(pasted)) {
                setPasted('');
                setPasting(false);
              }
            }}
            data-testid="attendee-paste-add"
          >
            加入名单
          </Button>
        </div>
      )}
      <Typography.Text type="secondary" data-testid="attendee-count">
        已签到 {value.length} 人
      </Typography.Text>
      {value.length > 0 && (
        <ol className="attendee-input__list" data-testid="attendee-list">
          {value.map((attendee, index) => (
            <li key={`${attendee.unit}\u0000${attendee.name}`} data-testid="attendee-row">
              <span className="attendee-input__row-name">{attendee.name}</span>
              <Typography.Text type="secondary" ellipsis className="attendee-input__row-unit">
                {attendee.unit === '' ? '未填单位' : attendee.unit}
              </Typography.Text>
              <Button
                size="small"
                type="text"
                danger
                icon={<DeleteOutlined />}
                aria-label={`移除 ${attendee.name}`}
                onClick={() => onChange?.(value.filter((_, position) => position !== index))}
              />
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
